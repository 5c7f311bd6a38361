// Browser test of timers and contexts in the page: a `time.After` timer under the Channels
// panel (when it fires on the virtual clock, its channel) and a `context.WithTimeout` context in
// the Locks panel, both in plain words.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { openApp, region, stepUntil, quiet, screenshot } from './harness.mjs';
import { axeViolations, describe, BLOCKING } from './axe.mjs';

const PROGRAM = `package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	select {
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timer")
	case <-ctx.Done():
		fmt.Println(ctx.Err())
	}
}
`;

const timers = (page) => region(page, 'Channels').getByRole('region', { name: 'timers' });

test('a time.After timer and a WithTimeout context read plainly in the Channels and Locks panels', async () => {
  const { page, problems } = await openApp(`index.html#example=blank&code=${encodeURIComponent(PROGRAM)}`);
  // Step until time.After has armed its timer: it fires at 10ms, the clock still at 0s.
  const armed = await stepUntil(page, async () => {
    const text = (await timers(page).count()) ? await timers(page).innerText() : '';
    return /time\.After at line 13: fires at 10ms \(now 0s\), on channel \S/.test(text) && text;
  });
  assert.ok(armed, 'the time.After timer is shown armed');
  // The context's own deadline timer is listed too, armed for 5ms.
  assert.match(armed, /context\.WithTimeout at line 10: fires at 5ms \(now 0s\), then cancels its context/);
  assert.match(await region(page, 'Locks').innerText(), /\(context\.WithTimeout at line 10\): live until 5ms/);
  // Step on: the 5ms deadline passes first, the context is canceled, the timer still waits.
  const canceled = await stepUntil(page, async () => {
    const text = await region(page, 'Locks').innerText();
    return /ctx \(context\.WithTimeout at line 10\): canceled \(context deadline exceeded\)/.test(text) && text;
  });
  assert.ok(canceled, 'the context is shown canceled');
  await quiet(page);
  const after = await timers(page).innerText();
  assert.match(after, /context\.WithTimeout at line 10: fired at 5ms \(now 5ms\)/);
  assert.match(after, /time\.After at line 13: fires at 10ms \(now 5ms\)/);
  // Plain words only: no Rust debug formatting leaks into either panel.
  for (const text of [after, canceled]) assert.doesNotMatch(text, /Some\(|None|\{|child\(ren\)|t=\d+ns/);
  await screenshot(page, 'timers-and-context');
  // The timers section passes axe as the rest of the page does.
  const blocking = (await axeViolations(page)).filter((v) => BLOCKING.includes(v.impact) || v.id === 'region');
  assert.deepEqual(blocking, [], describe(blocking));
  assert.deepEqual(problems, []);
});
