/**
 * How many wrong passwords one client trying in a row could have checked within
 * `elapsedMs`: four at once, then one after each back-off (1 s, 2 s, 4 s ...).
 * Concurrent guesses must never get more checks than this.
 */
export function sequentialChecks(elapsedMs: number): number {
  let checks = 4;
  for (let waited = 1000, delay = 2000; waited <= elapsedMs; waited += delay, delay *= 2) checks += 1;
  return checks;
}
