import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy*/waitFor wait for what the user would see; the first render of a lazily loaded page can take
// longer than testing-library's 1 s default while CI runs every suite on two cores (plugin.test.tsx
// failed so once). Waiting longer never makes a passing assertion fail, only a slow one pass.
configure({ asyncUtilTimeout: 5000 });
