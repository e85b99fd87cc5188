#!/usr/bin/env python3
"""An external skill written against the Mycroft/OVOS messagebus protocol
(docs/messagebus.md), as any skill process could be: it registers a
Padatious intent (samples with an entity) and an Adapt intent (vocabulary
and an intent), says "weather-skill.ready" once registered, answers its
intents with speak (bracketed by mycroft.skill.handler.start/complete), and
prints one line per intent it received: "intent NAME KEY=VALUE".

Usage: skill.py ws://127.0.0.1:8181/core
Needs Debian's python3-websockets.
"""

import asyncio
import json
import sys

import websockets

SKILL = "weather-skill"


def message(typ, data=None, context=None):
    return json.dumps({"type": typ, "data": data or {}, "context": context or {}})


async def main(uri):
    async with websockets.connect(uri) as ws:
        ctx = {"skill_id": SKILL}
        await ws.send(message("padatious:register_intent", {
            "name": SKILL + ":weather.intent",
            "samples": ["what is the weather in {city}", "(how is|what's) the weather (in|at) {city}"],
            "lang": "en-us",
        }, ctx))
        prefix = "weather_skill"  # to_alnum(skill_id), as mycroft-core munges vocabulary
        for value in ("lights", "lamp"):
            await ws.send(message("register_vocab", {"entity_value": value, "entity_type": prefix + "Thing"}))
        await ws.send(message("register_vocab", {"entity_value": "turn on", "entity_type": prefix + "On"}))
        await ws.send(message("register_intent", {
            "name": SKILL + ":LightsOn",
            "requires": [[prefix + "On", prefix + "On"], [prefix + "Thing", "thing"]],
            "at_least_one": [], "optional": [],
        }))
        await ws.send(message(SKILL + ".ready"))
        async for frame in ws:
            msg = json.loads(frame)
            typ, data = msg.get("type"), msg.get("data") or {}
            if typ == SKILL + ":weather.intent":
                key, answer = "city", "It is sunny in %s." % data.get("city")
            elif typ == SKILL + ":LightsOn":
                key, answer = "thing", "Turning on the %s." % data.get("thing")
            else:
                continue
            print("intent %s %s=%s" % (typ, key, data.get(key)), flush=True)
            reply = dict(msg.get("context") or {})
            reply["skill_id"] = SKILL
            await ws.send(message("mycroft.skill.handler.start", {"name": "WeatherSkill.handle"}, reply))
            await ws.send(message("speak", {"utterance": answer, "expect_response": False}, reply))
            await ws.send(message("mycroft.skill.handler.complete", {"name": "WeatherSkill.handle"}, reply))


if __name__ == "__main__":
    try:
        asyncio.run(main(sys.argv[1]))
    except (KeyboardInterrupt, websockets.exceptions.ConnectionClosed):
        pass
