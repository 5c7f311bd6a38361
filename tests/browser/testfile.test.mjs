// Browser tests of a pasted test file: "Your own program" with `func TestXxx(t *testing.T)`
// functions (any package) offers a picker of its tests and runs the chosen one as the program.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { openApp, reopen, button, region, consoleText, quiet, findBug } from './harness.mjs';

const TEST_FILE = `package counter

import (
	"sync"
	"testing"
)

func TestCounterFixed(t *testing.T) {
	var mu sync.Mutex
	n := 0
	done := make(chan bool)
	go func() {
		mu.Lock()
		n++
		mu.Unlock()
		done <- true
	}()
	mu.Lock()
	n++
	mu.Unlock()
	<-done
	t.Log("n =", n)
}

func TestCounter(t *testing.T) {
	n := 0
	done := make(chan bool)
	go func() {
		n++
		done <- true
	}()
	n++
	<-done
	t.Log("n =", n)
}
`;

/** The options of the Test picker and the one selected. */
async function picker(page) {
  const select = page.getByRole('combobox', { name: 'Test' });
  const options = await select.locator('option').allInnerTexts();
  return { options, selected: await select.inputValue() };
}

test('a test file offers a picker of its tests and runs the chosen one as the program', async () => {
  const { page, problems } = await openApp(`index.html#example=blank&code=${encodeURIComponent(TEST_FILE)}`);
  assert.deepEqual(await picker(page), { options: ['TestCounterFixed', 'TestCounter'], selected: 'TestCounterFixed' });
  // The first test runs: it logs and ends without a race.
  await button(page, 'Run to next race or error').click();
  await region(page, 'Console').getByText('n = 2', { exact: false }).waitFor();
  await quiet(page);
  assert.doesNotMatch(await consoleText(page), /DATA RACE/);
  // Pick the racy test: it runs from step 0, its goroutine numbered as under `go test -race`.
  await page.getByRole('combobox', { name: 'Test' }).selectOption('TestCounter');
  await page.waitForFunction(() => /[#&]test=TestCounter(&|$)/.test(location.hash));
  await button(page, 'Run to next race or error').click();
  await region(page, 'Console').getByText('WARNING: DATA RACE').waitFor();
  const text = await consoleText(page);
  assert.match(text, /goroutine 8/);
  // Find a bug searches the chosen test.
  const summary = await findBug(page);
  assert.match(summary, /^Every interleaving covered/);
  assert.match(await region(page, 'Outcomes').innerText(), /data race/i);
  // The link reopens the same test.
  const link = await page.evaluate(() => location.href);
  await reopen(page, link.slice(link.indexOf('index.html')));
  assert.equal((await picker(page)).selected, 'TestCounter');
  assert.deepEqual(problems, []);
});

test('a program has no test picker', async () => {
  const { page, problems } = await openApp('index.html#example=mutex');
  assert.equal(await page.getByRole('combobox', { name: 'Test' }).count(), 0);
  assert.deepEqual(problems, []);
});
