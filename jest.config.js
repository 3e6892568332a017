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

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc, 'node_modules/.+/content-disposition/.+\\.js$': swc },
  // content-disposition (under @fastify/static) ships ESM only; Jest on Node 20 needs it as CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!.*content-disposition/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@tiergate/(.*)$': '<rootDir>/libs/$1/src' },
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
    { ...withInfrastructure, displayName: 'e2e', testMatch: ['<rootDir>/apps/*/test/**/*.e2e-spec.ts'] },
  ],
};
