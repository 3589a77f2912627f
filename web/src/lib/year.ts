import { createContext, useContext } from 'react';

/**
 * The plan year every view is filtered by (0: all years). It lives in the URL (url-state.ts `year`);
 * App provides it once and each view's question passes it on as its `year` argument (`yearVariable`),
 * so all views filter the same way: the server keeps them to that year's documents (api/years/scope.ts).
 */
export const YearContext = createContext(0);

export const useYear = () => useContext(YearContext);

/** Whether a document is of the year filter (0: all), by the server's rule (api/years/scope.ts inYear): its range covers it. */
export const inPlanYear = (d: { yearFrom: number | null; yearTo: number | null }, year: number) =>
  !year || (d.yearFrom !== null && d.yearTo !== null && d.yearFrom <= year && year <= d.yearTo);

/** The year as a GraphQL variable: null for all years. */
export const yearVariable = (year: number) => (year > 0 ? year : null);
