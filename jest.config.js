const { availableParallelism } = require('node:os');

// Three tiers (see STYLE.md): unit tests need nothing; integration and e2e tests use the
// local PostgreSQL and Redis, each test file on its own database cloned from a migrated template.
const swc = [
  '@swc/jest',
  {
    swcrc: false, // .swcrc excludes test files from the build
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
// ESM packages compiled for Jest: default imports of CommonJS modules follow Node's rules.
const swcEsmPackage = [swc[0], { ...swc[1], module: { type: 'commonjs', importInterop: 'node' } }];

const ESM_ONLY =
  '(content-disposition|music-metadata|strtok3|token-types|file-type|uint8array-extras|@tokenizer/inflate|media-typer|@borewit/text-codec|win-guid)';
// CommonJS packages that load Node's built-ins with import(), which Jest's module system cannot run
// (the OTLP exporter's HTTP transport): compiled so that import() becomes require().
const DYNAMIC_IMPORT = '(@opentelemetry/otlp-exporter-base)';
const COMPILED = `(${ESM_ONLY}|${DYNAMIC_IMPORT})`;

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc, [`node_modules/(.+/)?${COMPILED}/.+\\.js$`]: swcEsmPackage },
  // Node 20.19+ loads these ESM-only packages with require(); Jest's module system cannot, so
  // they are compiled to CommonJS for tests (two have no `require` export: mapped to their entry).
  transformIgnorePatterns: [`/node_modules/(?!(.+/)?${COMPILED}/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@tiergate/(.*)$': '<rootDir>/libs/$1/src',
    '^music-metadata$': '<rootDir>/node_modules/music-metadata/lib/index.js',
    '^file-type$': '<rootDir>/node_modules/file-type/index.js',
  },
  rootDir: __dirname,
};

const withInfrastructure = {
  ...shared,
  globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  // Two test files at a time even on two cores (Jest's default there is one): most e2e time is
  // waiting on a browser, the simulator or a child process, and every file has its own database,
  // Redis namespace and ports. On this repository's two-core CI machine the suite takes about 16
  // minutes instead of 26.
  maxWorkers: Math.max(2, Math.min(4, availableParallelism() - 1)),
  // A BullMQ close left to finish in the background (its Redis was unreachable at shutdown, see
  // apps/worker/src/processors/bounded-wait.ts) keeps a reconnecting client: it must not hold CI.
  forceExit: true,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts'],
      setupFiles: ['reflect-metadata'],
    },
    {
      ...withInfrastructure,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
    },
    {
      ...withInfrastructure,
      displayName: 'e2e',
      testMatch: [
        '<rootDir>/{apps/*,scripts}/test/**/*.e2e-spec.ts',
        '<rootDir>/apps/dashboard/e2e/**/*.e2e-spec.ts',
      ],
    },
  ],
};
