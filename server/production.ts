/**
 * Imported first by the app's entry points (npm start, bench:scale's server), before any library
 * reads NODE_ENV: graphql-js checks every type test twice outside production (its instanceOf
 * looks for a second copy of itself), a fifth of the time of an answer of a few thousand fields.
 * Apollo's behaviour that depends on it is set explicitly (api/apollo.ts). NODE_ENV=development keeps
 * the checks.
 */
process.env.NODE_ENV ??= 'production';
