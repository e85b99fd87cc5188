package skills_test

import (
	"context"
	"fmt"
	"time"

	"github.com/mycroft-network/mycroft/agent/skills"
)

func ExampleNew() {
	brain, err := skills.New(skills.Config{
		Now:      func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) },
		Location: time.UTC,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	reply, _ := brain.Respond(context.Background(), "what time is it")
	fmt.Println(reply.Text)
	// Output: It is noon.
}
