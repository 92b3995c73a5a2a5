import type { Router } from '../router.js';

/** Not built yet (issue 3). */
export function register(_router: Router): void {}
