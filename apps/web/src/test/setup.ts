import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// The first render of a page goes through the router, the session query and the page's own query:
// on a loaded 2-core CI machine that takes more than findBy*'s default second. What a test waits for
// is unchanged; only how long it may take to appear.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});
